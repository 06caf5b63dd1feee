export { initialLang, LANG_NAMES, LANGS, useLang, type Lang } from './i18n';
export { descriptionOf, pick, titleOf, type Localized } from './localize';
export { ApiError, getJson, sendJson, useApi, type ApiIssue, type Loadable } from './http';
export { currentToken, endSession, storeSession } from './session';
export {
  acceptPreview,
  endPreview,
  PREVIEW_HEADER,
  previewedMe,
  previewHeaders,
  previewInfo,
  previewToken,
  startPreview,
  type PreviewInfo,
} from './preview';
export { SignInGate } from './SignInGate';
export { ChangePasswordDialog, ChangePasswordForm } from './ChangePassword';
export { AppHeader, LangSwitch, Logo, type AppHeaderProps, type HeaderLink } from './AppHeader';
export { TitleRow, useDocumentTitle } from './page';
export { api, apiUrl, useApiGet, type BodyOf, type ResponseOf, type Schemas } from './api/client';
export {
  defineMessages,
  LangScope,
  useMessages,
  type Catalogue,
  type Message,
  type MessageGroup,
  type MessagesOf,
} from './messages';
export { placeholderStrings } from './placeholder-strings';
