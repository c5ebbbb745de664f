/**
 * The server side of the sidebar (docs/architecture.md, A sidebar save):
 * exactly the functions of SidebarApi (the sidebar's contract), one file per use
 * case. Every one of them is callable from the browser, so each checks what
 * it is sent and answers with plain data (dates as ISO strings) and messages
 * in the user's language, keyed by the form field they belong to.
 * src/index.ts makes each a top-level function and checks at compile time
 * that this module implements SidebarApi exactly. A new sidebar call: add it
 * to SidebarApi, write it in the file of its use case, export it here, and
 * wire it in src/index.ts.
 */
export { getSidebarData } from './open';
export { getCustomerCard, searchCustomers, selectCustomerRow } from './customers';
export { logContact } from './log';
export { getDueItems } from './due';
export { getSettings, saveSettings, scheduleNightly, stopNightly } from './settings';
export { previewRun } from './preview';
export { getColumns, saveColumns } from './columns';
