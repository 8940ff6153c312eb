import { useEffect } from 'react';

/** The scrolling table containers (`.table-wrap`, used by every page's tables). */
const SELECTOR = '.table-wrap';
/** Marks the tab stops this hook added, so it removes only its own. */
const MARK = 'data-scroll-focus';

/** True when the element's content is larger than its box (it scrolls). */
function scrolls(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}

/** Gives each scrolling table container a tab stop while it scrolls, and takes it away when it does not. */
export function syncScrollRegions(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>(SELECTOR)) {
    if (scrolls(el)) {
      if (!el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '0');
        el.setAttribute(MARK, '');
      }
    } else if (el.hasAttribute(MARK)) {
      el.removeAttribute('tabindex');
      el.removeAttribute(MARK);
    }
  }
}

/**
 * A table wider (or, in a scrolling list, taller) than its container scrolls inside it. Keyboard users
 * can scroll it only if the container can take focus (WCAG 2.1.1; axe's scrollable-region-focusable),
 * so every page's scrolling tables get a tab stop, once here rather than in each of the many tables:
 * checked when the page changes and when the window is resized.
 */
export function useFocusableScrollRegions(): void {
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        syncScrollRegions(document);
      });
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}
