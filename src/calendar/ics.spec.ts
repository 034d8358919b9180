import { fold, icsCalendar } from './ics';

describe('iCalendar feed', () => {
  it('writes all-day events with escaped text and CRLF line ends', () => {
    const text = icsCalendar('Roki', [{ uid: 'a@kazalnik', date: '2022-01-15', summary: 'AS: letno poročilo, 2021; ESS', alarmDaysBefore: 7 }], new Date('2026-12-01T08:00:00Z'));
    expect(text).toContain('DTSTART;VALUE=DATE:20220115\r\nDTEND;VALUE=DATE:20220116\r\n');
    expect(text).toContain('SUMMARY:AS: letno poročilo\\, 2021\\; ESS\r\n');
    expect(text).toContain('DTSTAMP:20261201T080000Z');
    expect(text).toContain('TRIGGER:-P7D');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines at 75 octets without splitting a Slovene letter', () => {
    const folded = fold(`SUMMARY:${'č'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'č'.repeat(60)}`);
  });
});
