/** Where to get help, as the deployment configured it: the support line when there is one, the specialist always. */
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { SiteSettings, SupportLine } from '../site-settings.ts';

/** A phone number as a `tel:` link: digits and a leading plus only. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** "call Our support line on 0800 …  (Monday to Friday), or visit its website" */
function reachLine(line: SupportLine): Html {
  const call = line.phone !== null ? html`call ${line.name} on <a href="${telHref(line.phone)}">${line.phone}</a>` : html`contact ${line.name}`;
  const hours = line.hours !== null ? html` (${line.hours})` : '';
  const web = line.url !== null ? html`${line.phone !== null ? ', or visit' : ' through'} <a href="${line.url}">its website</a>` : '';
  return html`${call}${hours}${web}`;
}

/** One sentence for the footer. */
export function supportLineText(site: SiteSettings): Html {
  const line = site.supportLine;
  if (line === null) {
    return html`Questions about a trial? Your specialist team knows your treatment and can tell you whether a trial could suit you.`;
  }
  return html`Questions about a trial? Talk to your specialist team, or ${reachLine(line)}.`;
}

/** The "talk to your specialist" advice on trial pages and the help page. */
export function specialistAdvice(site: SiteSettings): Html {
  const line = site.supportLine;
  return html`<ul>
<li>Only your specialist team can say whether a trial could suit you. Take this page to your next appointment: print it, or save its address.</li>
<li>You could ask: could I join this trial? Is a hospital near me taking part? What would taking part involve? What are my other options?</li>
<li>Taking part is always your choice. You can say no, or leave a trial later, and still have the usual treatment.</li>
${line !== null && html`<li>To talk it through with someone first, ${reachLine(line)}.</li>`}
</ul>`;
}
