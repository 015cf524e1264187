// The calendar's wall-time conversions in the practice's zone across both DST changes of New York.
import { describe, expect, it } from 'vitest';
import { useCalendarTime } from '../../web/app/composables/useCalendarTime';

const ny = useCalendarTime(() => 'America/New_York');

describe('useCalendarTime', () => {
  it('turns a wall time typed in the practice zone into the right instant on either side of a change', () => {
    expect(ny.fromLocalInput('2027-03-13T10:00')).toBe('2027-03-13T15:00:00.000Z'); // EST, UTC−5
    expect(ny.fromLocalInput('2027-03-15T10:00')).toBe('2027-03-15T14:00:00.000Z'); // EDT, UTC−4
    expect(ny.fromLocalInput('2027-11-08T10:00')).toBe('2027-11-08T15:00:00.000Z'); // EST again
  });

  it('moves a time that does not exist (spring forward) past the gap, and takes the first of a repeated hour', () => {
    expect(ny.fromLocalInput('2027-03-14T02:30')).toBe('2027-03-14T07:30:00.000Z'); // 03:30 EDT
    expect(ny.fromLocalInput('2027-11-07T01:30')).toBe('2027-11-07T05:30:00.000Z'); // 01:30 EDT, the first one
  });

  it('shows instants as the practice’s wall time, whatever the zone of the machine', () => {
    expect(ny.toLocalInput('2027-11-07T05:30:00.000Z')).toBe('2027-11-07T01:30');
    expect(ny.toLocalInput('2027-11-07T06:30:00.000Z')).toBe('2027-11-07T01:30');
    expect(ny.toLocalInput('2027-03-15T14:00:00.000Z')).toBe('2027-03-15T10:00');
    expect(useCalendarTime(() => 'Asia/Kolkata').toLocalInput('2027-03-15T14:00:00.000Z')).toBe('2027-03-15T19:30');
  });

  it('refuses what is not a time', () => {
    expect(ny.fromLocalInput('')).toBeNull();
    expect(ny.fromLocalInput('next tuesday')).toBeNull();
  });
});
