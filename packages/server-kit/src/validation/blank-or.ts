import { ValidateIf } from 'class-validator';

/**
 * For optional text a form may send emptied: null or blank text skips the other rules (the service
 * then clears the field), anything else must pass them. Put it above the field's other rules.
 */
export const IsBlankOr = (): PropertyDecorator => ValidateIf((_input: object, value: unknown) => typeof value === 'string' && value.trim() !== '');

/** What such a field means for an update: undefined leaves it alone; null or blank text clears it (null); else the trimmed text. */
export const cleanedText = (value: string | null | undefined): string | null | undefined => (value === undefined ? undefined : value?.trim() || null);
