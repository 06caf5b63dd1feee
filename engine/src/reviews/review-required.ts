import { LodestarError, type Text } from '../errors.js';
import { reasonsSentence, type ReviewReason } from './review-reasons.js';

/** 409: the installation requires a second administrator's review for this publish; `reasons` say why. */
export class ReviewRequired extends LodestarError {
  readonly status = 409;
  readonly type = 'review-required';
  readonly title = 'Review required';

  constructor(reasons: ReviewReason[], how: Text = SUBMIT) {
    const why = reasonsSentence(reasons);
    super(
      {
        en: `a second administrator must review this publish: ${why.en}. ${how.en}`,
        zh: `此次发布需经第二位管理员审核：${why.zh}。${how.zh}`,
      },
      { extra: { reasons } },
    );
  }
}

const SUBMIT: Text = {
  en: 'Submit the draft for review instead.',
  zh: '请改为提交审核。',
};

/** What a template install can do instead: its definitions go through a draft. */
export const THROUGH_DRAFT: Text = {
  en: 'Put the template into the draft and submit it for review.',
  zh: '请把模板写入草稿后提交审核。',
};
