/** What an LLM may add to the rule parser's reading of a query. Only empty fields are ever filled. */
export interface LlmRefinement {
  categorySlug?: string | null;
  subCategorySlug?: string | null;
  /** ISO 8601 instants. */
  whenStart?: string | null;
  whenEnd?: string | null;
  urgency?: 'normal' | 'urgent' | null;
  locationText?: string | null;
}

export interface LlmRefineInput {
  query: string;
  now: Date;
  /** "category" and "category/sub-category" slugs the answer must choose from. */
  slugs: string[];
}

/** Query-refinement port: none by default (the rule parser stands alone), OpenAI when configured. */
export interface QueryRefiner {
  readonly name: string;
  refineQuery(input: LlmRefineInput): Promise<LlmRefinement>;
}

export const noRefiner: QueryRefiner = { name: 'none', refineQuery: async () => ({}) };
