/**
 * Minimal typings for html-to-text 10 (a dependency of mailparser). The core no longer converts
 * with it (html-to-plain-text.ts lays htmlparser2's tree out itself); its unit test still runs it
 * with the former options, as the reference the new layout must match. Only what that test uses.
 */
declare module 'html-to-text' {
  export interface HtmlToTextNode {
    type: string;
    name?: string;
    data?: string;
    attribs?: Record<string, string>;
    children?: HtmlToTextNode[];
  }
  export interface HtmlToTextBuilder {
    addInline(text: string, options?: { noWordTransform?: boolean }): void;
    openBlock(options?: { leadingLineBreaks?: number }): void;
    closeBlock(options?: { trailingLineBreaks?: number }): void;
    addLineBreak(): void;
  }
  export type HtmlToTextFormatter = (
    elem: HtmlToTextNode,
    walk: (nodes: HtmlToTextNode[] | undefined, builder: HtmlToTextBuilder) => void,
    builder: HtmlToTextBuilder,
    formatOptions: Record<string, unknown>,
  ) => void;
  export interface HtmlToTextOptions {
    wordwrap?: number | false | null;
    limits?: { maxDepth?: number; maxChildNodes?: number; maxInputLength?: number; maxBaseElements?: number; ellipsis?: string };
    selectors?: Array<{ selector: string; format?: string; options?: Record<string, unknown> }>;
    formatters?: Record<string, HtmlToTextFormatter>;
    baseElements?: { selectors?: string[]; returnDomByDefault?: boolean };
    decodeEntities?: boolean;
  }
  export function compile(options?: HtmlToTextOptions): (html: string) => string;
  export function convert(html: string, options?: HtmlToTextOptions): string;
}
