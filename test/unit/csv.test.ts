import { describe, expect, it } from 'vitest';
import { csvCell, detectDelimiter, parseCsv, toCsv } from '../../src/io/csv';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', `"'+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['  =1', `"'  =1"`],
    ['\n=1', `"'\n=1"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
  ])('neutralises and quotes %j', (input, out) => expect(csvCell(input)).toBe(out));
  it('keeps numbers as numbers, even negative ones', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
  });
  it('writes CRLF rows', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
    expect(toCsv(null, [[1, 'x']])).toBe('1,x\r\n');
  });
});

describe('CSV import', () => {
  it('handles BOM, CRLF, quoted commas and newlines, and keeps ids as strings', () => {
    const text =
      '\ufeffName,Note,Total\r\n00123,"a, b",10.00\r\n#1002,"two\r\nlines",5\r\n#1003,,7\r\n';
    const p = parseCsv(text);
    expect(p.header).toEqual(['Name', 'Note', 'Total']);
    expect(p.rows.map((r) => r.Name)).toEqual(['00123', '#1002', '#1003']);
    expect(p.rows[0]!.Note).toBe('a, b');
    expect(p.rows[1]!.Note).toBe('two\r\nlines');
    expect(p.lineNumbers).toEqual([2, 3, 5]);
    expect(p.errors).toEqual([]);
  });
  it('counts blank lines (skipped) in the line numbers of the rows after them', () => {
    const p = parseCsv('\na,b\n1,2\n\n3,4\n"x\ny",5\n , \n\n6,7,8\n');
    expect(p.header).toEqual(['a', 'b']);
    expect(p.records).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['x\ny', '5'],
      ['6', '7', '8'],
    ]);
    expect(p.lineNumbers).toEqual([3, 5, 6, 10]);
    expect(p.errors).toEqual([{ line: 10, message: 'has 3 fields but the header has 2' }]);
  });

  it('reports rows with too many fields by line', () => {
    const p = parseCsv('a,b\n1,2\n3,4,5\n');
    expect(p.errors).toEqual([{ line: 3, message: 'has 3 fields but the header has 2' }]);
  });
  it('round-trips what it writes', () => {
    const rows = [['=cmd', 'x, "y"\nz', 5]];
    const p = parseCsv(toCsv(['a', 'b', 'c'], rows));
    expect(p.rows[0]).toEqual({ a: "'=cmd", b: 'x, "y"\nz', c: '5' });
  });
  it('gives the same rows as arrays (records) and as objects', () => {
    const p = parseCsv('a,b,a\n1,2,3\n4\n');
    expect(p.records).toEqual([['1', '2', '3'], ['4']]);
    // A repeated header name reads its last column; missing cells are empty.
    expect(p.rows).toEqual([
      { a: '3', b: '2' },
      { a: '', b: '' },
    ]);
    expect(p.rows).toBe(p.rows);
  });
});

describe('CSV delimiter', () => {
  it('reads semicolon files with decimal commas (European Excel) as semicolon files', () => {
    const p = parseCsv('Name;Total;Note\r\n#1;54,57;"a; b"\r\n#2;1.234,56;x, y\r\n');
    expect(p.delimiter).toBe(';');
    expect(p.header).toEqual(['Name', 'Total', 'Note']);
    expect(p.records).toEqual([
      ['#1', '54,57', 'a; b'],
      ['#2', '1.234,56', 'x, y'],
    ]);
    expect(p.errors).toEqual([]);
  });

  it.each([
    ['a,b,c\n1,"x;y",3\n4,z;w,6\n', ','],
    ['a;b\n1,5;2,5\n3,25;4,75\n', ';'],
    ['a\tb\n1,5\t2\n', '\t'],
    // Commas in header names do not make a tab file comma-separated.
    ['Total (net, EUR)\tTotal (gross, EUR)\n1.5\t2.5\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['single column\nvalue\n', ','],
  ])('finds the delimiter of %j', (text, want) => expect(detectDelimiter(text)).toBe(want));

  it("follows Excel's sep= line, which is not the header and still counts as a line", () => {
    const p = parseCsv('sep=;\r\nName;Total\r\n#1;3,50\r\n#2;4\r\n');
    expect(p.delimiter).toBe(';');
    expect(p.header).toEqual(['Name', 'Total']);
    expect(p.lineNumbers).toEqual([3, 4]);
  });

  it('looks only at the start of a big file', () => {
    const row = '#1;12,50;' + 'x'.repeat(50) + '\n';
    const text = 'Name;Total;Note\n' + row.repeat(50_000);
    expect(detectDelimiter(text)).toBe(';');
  });
});
