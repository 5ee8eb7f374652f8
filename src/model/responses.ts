// What participants wrote, as the pages show it: earlier responses (kept in `<slug>.comments.yaml`,
// src/comments/earlier.ts) threaded for the post page, and what the build learned of a post's live
// discussion on GitHub (src/comments/counts.ts).

export interface EarlierResponse {
  /** `comment-12`: the anchor WordPress used, so old links to a response still land on it. */
  anchor?: string;
  author: string;
  /** The author's website, if they gave one. */
  url?: string;
  /** RFC 3339 with the site's offset, for `<time datetime>`. */
  datetime: string;
  /** "11 april 2012". */
  dateLabel: string;
  /** Sanitised HTML of the text. */
  html: string;
  /** A response in a private cohort's room (src/comments/room.ts): its reactions, with words for screen readers. */
  reactions?: { emoji: string; count: number; label: string }[];
  replies: EarlierResponse[];
}

/** A post's discussion in a private cohort's room, as its page shows it (src/comments/room.ts). */
export interface RoomConversation {
  /** The discussion on GitHub, where the group responds. */
  url: string;
  number: number;
  /** Oldest first; replies under their comment. */
  responses: EarlierResponse[];
  /** Comments and replies shown, replies included. */
  count: number;
}

/** What the build knows of a post's discussion. */
export interface PostDiscussion {
  /** Comments + replies; 0 while the discussion does not exist yet. */
  responses: number;
  /** The discussion's number, when it exists: the widget can then use `mapping: number`. */
  number?: number;
  /** A private cohort's: the conversation itself, read at build. */
  room?: RoomConversation;
}
