import { describe, expect, it } from 'vitest';
import { paypalPayoutFiles, paypalRowProblem, type PaypalPayoutRow } from '../../src/io/paypal';

const row = (over: Partial<PaypalPayoutRow> = {}): PaypalPayoutRow => ({
  recipient: 'lucy@example.com',
  amountCents: 12345,
  currency: 'USD',
  reference: 'P-2024-03',
  note: 'March commissions',
  wallet: 'PAYPAL',
  ...over,
});

describe('PayPal Payouts CSV', () => {
  it('writes no header, six columns by position, CRLF', () => {
    const [f] = paypalPayoutFiles([
      row(),
      row({ recipient: '@max-barks', wallet: 'VENMO', amountCents: 5000, note: 'Thanks, Max' }),
    ]);
    expect(f!.csv).toBe(
      'lucy@example.com,123.45,USD,P-2024-03,March commissions,PAYPAL\r\n' +
        'max-barks,50.00,USD,P-2024-03,"Thanks, Max",VENMO\r\n',
    );
    expect(f).toMatchObject({ currency: 'USD', part: 1, rows: 2, totalCents: 17345 });
  });

  it('quotes comma-decimal amounts and neutralises formulas in notes', () => {
    const [f] = paypalPayoutFiles([row({ currency: 'EUR', note: '=HYPERLINK("x")' })], ',');
    expect(f!.csv).toBe('lucy@example.com,"123,45",EUR,P-2024-03,"\'=HYPERLINK(""x"")",PAYPAL\r\n');
  });

  it('one currency per file, at most 5,000 rows each', () => {
    const rows = [
      ...Array.from({ length: 5001 }, (_, i) =>
        row({ recipient: `u${i}@example.com`, amountCents: 100 }),
      ),
      row({ currency: 'CAD' }),
    ];
    const files = paypalPayoutFiles(rows);
    expect(files.map((f) => [f.currency, f.part, f.rows, f.totalCents])).toEqual([
      ['CAD', 1, 1, 12345],
      ['USD', 1, 5000, 500000],
      ['USD', 2, 1, 100],
    ]);
    expect(files[1]!.csv.split('\r\n').length).toBe(5001);
  });

  it('leaves out rows without a recipient or with nothing to pay, and says why', () => {
    expect(paypalRowProblem(row({ recipient: ' ' }))).toBe('has no PayPal or Venmo recipient');
    expect(paypalRowProblem(row({ amountCents: 0 }))).toBe('has nothing to pay');
    expect(paypalPayoutFiles([row({ amountCents: 0 }), row({ recipient: '' })])).toEqual([]);
  });
});
