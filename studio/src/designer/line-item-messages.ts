import { defineMessages } from '@lodestar/ui-shared';

/** The words of a relation's line item settings (明细). */
export const LINE_ITEM_MESSAGES = defineMessages({
  zh: {
    isItems: '明细：本对象的记录是所关联父记录的明细行',
    isItemsHint: '在父记录的表单中以表格编辑，并随父记录一次保存（一个事务）',
    name: '明细名称（父记录中的列表名）',
    advanced: '高级',
    order: '行序字段',
    noOrder: '不保存行序（按创建先后）',
  },
  en: {
    isItems: 'Line items of the parent: the records of this entity are lines of the related record',
    isItemsHint: "Edited as a grid on the parent's form and saved with it in one request (one transaction)",
    name: 'List name on the parent',
    advanced: 'Advanced',
    order: 'Position field',
    noOrder: 'No saved order (creation order)',
  },
});
