import fc from 'fast-check';

/** Decimal texts of up to `maxDigits` digits and `maxScale` decimals, negative ones too when `signed`. */
export function decimalTexts({ signed, maxDigits, maxScale }: { signed: boolean; maxDigits: number; maxScale: number }): fc.Arbitrary<string> {
  return fc
    .tuple(signed ? fc.boolean() : fc.constant(false), fc.bigInt({ min: 0n, max: 10n ** BigInt(maxDigits) }), fc.integer({ min: 0, max: maxScale }))
    .map(([negative, digits, scale]) => {
      const s = digits.toString().padStart(scale + 1, '0');
      return `${negative ? '-' : ''}${scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`}`;
    });
}

/** A decimal text as stored or computed: up to 18 digits, up to 9 decimals, either sign. */
export const decimalText = decimalTexts({ signed: true, maxDigits: 18, maxScale: 9 });

/** Mostly the figures NGOs report (whole counts, amounts in cents), sometimes anything `decimalText` gives. */
export const reportedFigure = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String), weight: 3 },
  { arbitrary: fc.integer({ min: -10_000_000, max: 100_000_000 }).map((n) => (n / 100).toFixed(2)), weight: 3 },
  { arbitrary: decimalText, weight: 2 },
);
