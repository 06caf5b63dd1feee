export { initialLang, LANG_NAMES, LANGS, useLang, type Lang } from './i18n';
export { descriptionOf, pick, titleOf, type Localized } from './localize';
export { ApiError, getJson, useApi, type Loadable } from './http';
export { AppHeader, LangSwitch, Logo, type AppHeaderProps, type HeaderLink } from './AppHeader';
export { TitleRow, useDocumentTitle } from './page';
