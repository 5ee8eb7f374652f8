// Where things are published. The content contract fixes these paths; everything links through here.
export const postUrl = (slug: string) => `/posts/${slug}/`;
export const tagUrl = (slug: string) => `/tags/${slug}/`;
export const authorUrl = (id: string) => `/authors/${id}/`;
