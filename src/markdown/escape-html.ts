// Text made safe to put in HTML, in an element or a double-quoted attribute: for the HTML this
// project writes itself (imported embeds, the search index's documents, the overview page).
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
