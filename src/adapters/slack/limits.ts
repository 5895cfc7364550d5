/**
 * Slack's documented limits that shape our messages, and the budgets we keep under them. The
 * budgets sit below the hard limits on purpose: real Slack answers `msg_blocks_too_long` at about
 * 13k characters of block text in total, well before 50 sections of 3,000 (bolt-js issue #2509).
 */
export const SLACK = {
  sectionText: 3000,
  messageBlocks: 50,
  actionsElements: 25,
  buttonText: 75,
  checkboxOptions: 10,
  selectOptions: 100,
  optionValue: 150,
  fallbackText: 150,
  plainTextInput: 3000,
  fieldError: 1000,
} as const;

export const BUDGET = {
  /** Characters of block text per message (sections, buttons and context together). */
  messageChars: 11_000,
  /**
   * Messages a reply may take before it is truncated (private) or sent as a file (public): a
   * `response_url` takes at most 5 posts, and a channel flooded with pages helps nobody.
   */
  messages: 3,
} as const;
