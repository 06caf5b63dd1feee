import { useEffect, type ReactNode } from 'react';

/** Sets the tab title to `<page> · Lodestar`. */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} · Lodestar`;
  }, [page]);
}

/** The page heading and its subtitle, with an optional badge (or other aside) on the right. */
export function TitleRow({ heading, subheading, aside }: { heading: string; subheading: string; aside?: ReactNode }) {
  return (
    <div className="title-row">
      <div>
        <h1>{heading}</h1>
        <p className="subtitle">{subheading}</p>
      </div>
      {aside}
    </div>
  );
}
