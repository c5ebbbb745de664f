/**
 * More names for the columns, besides the ones schema.ts lists with each
 * field: the headers of real exports (CRMs, Shopify, HubSpot, Google
 * Contacts, Chinese spreadsheets), matched like every header (case, spaces
 * and punctuation ignored; docs/data.md, Headers). Each name belongs to one
 * field only (test/core/schema.test.ts proves it); the ambiguous ones went
 * where they mean most often:
 *
 * - 'Total' is Revenue (a column of totals); a totals *row* is told apart by
 *   its name cell, not its header (headerRow.ts, isTotalsRow).
 * - 'Contact' and 'Contact name' are Name; 'Last contact' stays Last contact
 *   (headers are compared whole, never by part).
 * - 'Created', 'Create date', 'Date added' are Customer since: in a customer
 *   list the record is made when the person becomes a customer.
 * - 'Mail' is Email: a postal address is 'Mailing address', which is Address.
 * - 'Client' is Name, 'Client ID' is Customer ID.
 * - 'Last activity date' is not Last contact: a CRM counts an opened
 *   newsletter as activity, which is not a salesperson's contact.
 * - 'Sales' stays Revenue; the Chinese 销售 (sales, or the salesperson) is
 *   left out as ambiguous.
 *
 * Keyed by sheet key and field key (schema.ts adds them to its fields); kept
 * here so the schema stays a readable list of columns.
 */
export const MORE_ALIASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  customers: {
    id: ['Customer no', 'Customer number', 'Client ID', 'Record ID', '客户ID', '客户号'],
    name: [
      'Full name',
      'Customer name',
      'Client',
      'Client name',
      'Contact',
      'Contact name',
      'Contact person',
      '联系人',
      '客户',
      '客户姓名',
      '联系人姓名',
    ],
    company: [
      'Organization',
      'Organisation',
      'Business',
      '单位',
      '公司名称',
      'Company name',
      'Organization name',
      'Organization 1 - Name',
      'Default Address Company',
      'Account name',
      '企业',
      '企业名称',
      '单位名称',
    ],
    email: [
      'E-mail Address',
      'Email address',
      'Mail',
      '电子邮件',
      '电子邮箱',
      '邮件地址',
      'Email 1',
      'E-mail 1 - Value',
      'Primary email',
      'Contact email',
      'Work email',
    ],
    phone: [
      'Mobile',
      'Phone number',
      'Phone no',
      'Tel',
      'Telephone',
      'Tel no',
      '联系电话',
      '手机号',
      '手机号码',
      '电话号码',
      'Mobile phone',
      'Mobile number',
      'Cell',
      'Cell phone',
      'Phone 1 - Value',
    ],
    address: [
      'Street',
      'Billing address',
      '收货地址',
      'Street address',
      'Address 1',
      'Address line 1',
      'Default Address Address1',
      'Address 1 - Formatted',
      'Mailing address',
      'Shipping address',
      '详细地址',
      '联系地址',
      '通讯地址',
      '客户地址',
    ],
    owner: [
      'Assigned to',
      'Account owner',
      '客户经理',
      'Contact owner',
      'Salesperson',
      'Sales person',
      'Account manager',
      'Rep',
      '业务员',
      '跟进人',
      '所属销售',
    ],
    language: ['Lang', 'Preferred language', '首选语言'],
    revenue: [
      'Total spent',
      'Total sales',
      'Lifetime value',
      'Total',
      'Sales amount',
      '累计消费',
      '消费金额',
      '总金额',
      'Total revenue',
      'Amount spent',
      'LTV',
      'Customer lifetime value',
      '累计金额',
      '消费总额',
      '累计销售额',
      '成交金额',
    ],
    lastPurchase: [
      'Last order',
      'Last order date',
      'Last purchase date',
      '最后购买日期',
      '最近购买日期',
      '最近下单',
      'Date of last order',
      'Last ordered',
      '最后购买',
      '最后下单',
      '最近下单日期',
      '上次购买',
    ],
    lastPurchaseAmount: ['Last order amount', 'Last order total', 'Last order value', '最后购买金额', '最近订单金额'],
    customerSince: [
      'Created',
      'Created at',
      'Date added',
      'Customer since date',
      '注册日期',
      '首次购买日期',
      '成为客户日期',
      'Create date',
      'Created date',
      'Creation date',
      'Date created',
      'First order',
      'First order date',
      'Client since',
      'Member since',
      'Signup date',
      '创建日期',
      '创建时间',
      '注册时间',
      '首次下单',
    ],
    birthday: ['Date of birth', 'DOB', '出生日期', 'Birth date', 'Birthdate'],
    lastContact: [
      'Last contacted',
      'Last contact date',
      'Date of last contact',
      '最后联系',
      '最后联系日期',
      '上次联系',
      '最近联系日期',
      '最近联系时间',
    ],
    snoozeUntil: ['Snoozed until', 'Pause until', 'Do not contact until', '暂停至', '暂不联系至'],
    status: ['Stage', '客户状态', 'Lifecycle stage', 'Customer status', '客户阶段'],
    referredBy: ['Referrer', '推荐人', '转介绍人'],
  },
  purchases: {
    customerId: ['Customer no', 'Customer number', 'Client ID', '客户ID'],
    date: ['Order date', 'Purchase date', '购买日期', '下单日期', '订单日期', '交易日期'],
    amount: ['Total', 'Order total', 'Price', 'Sales amount', '订单金额', '实付金额', '成交金额'],
    product: ['Item', 'Product name', '商品', '商品名称', '产品名称'],
  },
};
