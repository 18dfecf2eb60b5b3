/**
 * What a deployment says about itself on every page: its name, where people can get help (a support line run by the
 * charity that hosts the site) and how to contact the people who run it. Read from the environment by src/config.ts;
 * the website only receives the values.
 */
export interface SupportLine {
  /** What the line is called, as it reads inside a sentence: "our support line", "the Blood Cancer Helpline". */
  readonly name: string;
  readonly phone: string | null;
  /** When it is open, in words, e.g. "Monday to Friday, 9am to 5pm". */
  readonly hours: string | null;
  /** A web page about the line (or a chat service) run by the deployment. */
  readonly url: string | null;
}

export interface SiteSettings {
  /** Shown in the header and page titles. */
  readonly name: string;
  /** null when the deployment has no support line: pages then point to the specialist team only. */
  readonly supportLine: SupportLine | null;
  /** An address for questions about the site itself (accessibility problems, mistakes in the data). */
  readonly contactEmail: string | null;
}

/** A deployment that has configured nothing: our name, no support line, no contact address. */
export const DEFAULT_SITE_SETTINGS: SiteSettings = { name: 'Trialfinder', supportLine: null, contactEmail: null };
