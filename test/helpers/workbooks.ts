/**
 * Small hand-made workbooks for end-to-end tests: each row is there for a
 * reason, named in the comment beside it. Dates are typed as text, the way a
 * user types them; the emulator turns them into date cells like Sheets does.
 * "Today" in these tests is Monday 2026-11-16 (Asia/Shanghai).
 */
export const CUSTOMER_HEADER = ['Customer ID', 'Name', 'Company', 'Email', 'Phone', 'Address', 'Owner', 'Language', 'Revenue', 'Last purchase', 'Customer since', 'Birthday', 'Last contact', 'Status', 'My own notes'];

export function messyWorkbook(): Record<string, unknown[][]> {
  return {
    Customers: [
      CUSTOMER_HEADER,
      ['C0001', 'Alice Chen', 'Acme Ltd', 'alice@acme.example', '021-5555-0001', '1 Bund Rd, Shanghai', 'rep@example.com', 'en', '120000', '2026-11-14', '2024-03-01', '1985-11-18', '2026-10-01', 'Active', 'likes tea'],
      ['C0002', '王小明', '明华贸易', 'wang@minghua.example', '138 0000 0002', '上海市南京路 100 号', 'rep@example.com', 'zh', '80000', '2026-11-15', '2023-06-10', '03-14', '2026-11-01', '', '=1+1'],
      ['C0003', 'Bob Martin', '', 'bob@', '', '', 'other@example.com', 'en', '3k', '2026-10-01', '', '', '', 'Active', ''], // bad email and revenue
      ['C0004', 'Carol Diaz', 'Diaz & Co', 'carol@diaz.example', '', '', 'rep@example.com', 'en', '5000', '2026-09-01', '2025-01-15', '', '2026-09-15', 'Do not contact', ''],
      ['', '', '', '', '', '', '', '', '', '', '', '', '', '', ''], // blank row between data
      ['C0005', 'Dan Wu', 'Wu Tools', 'dan@wu.example', '', '', 'rep@example.com', 'en', '1500', '2026-11-16', '2026-11-16', '02-29', '', 'Prospect', '001'],
      ['C0005', 'Duplicate Dan', '', 'dan2@wu.example', '', '', '', 'en', '10', '', '', '', '', '', ''], // duplicate ID
      ['', 'Eve No-ID', 'Eve Co', 'eve@eve.example', '', '', '', 'en', '700', '2026-08-01', '', '', '', '', 'keep me'], // blank ID
      ['C0007', '<b>Bob</b> & Co', 'Tag Co', 'tag@tag.example', '', '', 'rep@example.com', 'en', '900', '2026-11-15', '2025-11-16', '', '2026-11-15', 'Active', ''],
    ],
    Purchases: [
      ['Customer ID', 'Date', 'Amount', 'Product'],
      ['C0001', '2026-11-14', '12000', 'X200 printer'],
      ['C0002', '2026-11-15', '8000', '打印机'],
      ['C0007', '2026-11-15', '900', 'Toner'],
      ['C0001', '2025-12-01', '108000', 'Service contract'],
      ['C0002', '2026-05-01', '72000', 'Paper'],
      ['C9999', '2026-11-10', '100', 'Ghost'], // unknown customer
      ['C0005', '2027-01-01', '1500', 'Future'], // in the future
    ],
    'Contact log': [
      ['Logged at', 'Customer ID', 'Customer', 'Date', 'Type', 'By', 'Outcome', 'Notes', 'Next step', 'Next step date', 'Complaint size', 'Resolved on'],
      ['2026-11-10 10:00', 'C0001', 'Alice Chen', '2026-11-10', 'Complaint', 'rep@example.com', 'late delivery', 'Box damaged', '', '', 'Big', ''],
      ['2026-10-20 09:00', 'C0002', '王小明', '2026-10-20', 'Visit', 'rep@example.com', 'good', '', 'send catalogue', '2026-11-20', '', ''],
    ],
    Holidays: [
      ['Date', 'Name'],
      ['2026-12-25', 'Christmas'],
      ['2027-01-01', 'New Year'],
    ],
  };
}
