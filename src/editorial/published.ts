/**
 * What the public site shows of editorial work: approved text only, never a draft, with its review dates. Read on
 * every public trial page, so it is held in memory: every published document (a charity keeps hundreds) is read in
 * one query and kept for `PUBLISHED_TTL_MS`, so a trial page costs the editorial database nothing, and a trial with
 * no summary (most of them) is known to have none without asking. This process's own approvals show at once
 * (`forget`); another server process's within the time to live.
 */
import type { DocumentKind, DocumentRef } from '../domain/editorial/documents.ts';
import type { EditorialStore } from '../storage/editorial-store.ts';

export interface PublishedText {
  /** A page's title; null for a trial summary. */
  readonly title: string | null;
  readonly body: string;
  readonly lastReviewed: string;
  readonly nextReviewDue: string;
}

export interface PublishedPageLink {
  readonly slug: string;
  readonly title: string;
}

/** The public site's view of the editorial store. */
export interface PublishedContent {
  text(ref: DocumentRef): Promise<PublishedText | null>;
  /** Every published editorial page, by title. */
  pages(): Promise<readonly PublishedPageLink[]>;
  /** Drops what is held, so the next read sees a change this process has just made. */
  forget(): void;
}

/** How long approved text is held before it is read again. */
export const PUBLISHED_TTL_MS = 30_000;

const keyOf = (kind: DocumentKind, key: string): string => `${kind}\u0000${key}`;

export function publishedContent(store: Pick<EditorialStore, 'listDocuments'>, now: () => number = Date.now): PublishedContent {
  let held: { readonly at: number; readonly texts: Promise<ReadonlyMap<string, PublishedText>> } | null = null;

  const load = async (): Promise<ReadonlyMap<string, PublishedText>> => {
    const texts = new Map<string, PublishedText>();
    for (const document of await store.listDocuments({})) {
      if (document.published === null || document.review === null) continue;
      const { title, body } = document.published;
      texts.set(keyOf(document.kind, document.key), { title, body, lastReviewed: document.review.reviewedAt, nextReviewDue: document.review.nextReviewDue });
    }
    return texts;
  };

  const texts = (): Promise<ReadonlyMap<string, PublishedText>> => {
    const at = now();
    if (held === null || at - held.at >= PUBLISHED_TTL_MS) {
      const loading = load();
      held = { at, texts: loading };
      // A failed read is not kept: the next page asks again.
      loading.catch(() => {
        if (held?.texts === loading) held = null;
      });
    }
    return held.texts;
  };

  return {
    async text(ref) {
      return (await texts()).get(keyOf(ref.kind, ref.key)) ?? null;
    },
    async pages() {
      const pages: PublishedPageLink[] = [];
      for (const [key, text] of await texts()) {
        const [kind, slug = ''] = key.split('\u0000');
        if (kind === 'page') pages.push({ slug, title: text.title ?? slug });
      }
      return pages.sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
    },
    forget() {
      held = null;
    },
  };
}
