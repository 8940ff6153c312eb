import { describe, expect, it } from 'vitest';
import { atomFeed, xmlEscape, type RegisterEvent } from './atom';

describe('atomFeed', () => {
  const info = {
    baseUrl: 'https://hub.example/',
    hdabName: 'Findata & co',
    hdabUrl: 'https://findata.example',
  };
  const event = (type: RegisterEvent['type'], key: string, updated: string): RegisterEvent => ({
    type,
    key,
    updated,
    title: `${type} <${key}>`,
    summary: 'a & b',
    link: `https://hub.example/x?a=1&b=${key}`,
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xmlEscape(`<a href="x">'&'</a>\u0001\uffff`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });

  it('writes the feed metadata and its entries newest first, with stable ids', () => {
    const xml = atomFeed(
      info,
      [
        event('application-received', 'FI-APP-1', '2026-01-01T00:00:00.000Z'),
        event('result-reported', 'r1', '2026-03-01T00:00:00.000Z'),
      ],
      new Date('2026-05-01T00:00:00Z'),
    );
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    expect(xml).toContain('<id>https://hub.example/register.atom</id>');
    expect(xml).toContain('<title>Findata &amp; co: public register of health data access</title>');
    // The feed's updated is its newest entry's, not the time of the request.
    expect(xml).toContain('  <updated>2026-03-01T00:00:00.000Z</updated>');
    expect(xml.indexOf('result-reported/r1')).toBeLessThan(xml.indexOf('application-received/FI-APP-1'));
    expect(xml).toContain('<link rel="alternate" href="https://hub.example/x?a=1&amp;b=r1"/>');
    expect(xml).toContain('<title>result-reported &lt;r1&gt;</title>');
  });

  it('is still a valid feed with no entries', () => {
    const xml = atomFeed(info, [], new Date('2026-05-01T00:00:00Z'));
    expect(xml).toContain('<updated>2026-05-01T00:00:00.000Z</updated>');
    expect(xml).not.toContain('<entry>');
  });
});
