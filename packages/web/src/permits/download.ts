/** Saves a text as a file in the browser (no server round trip), e.g. a signed permit document. */
export function saveText(text: string, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser the time to start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
