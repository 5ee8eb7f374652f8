// html-validate for the built pages: test/site/html-validate.build.test.ts, or by hand after a build
// with `npx html-validate "_site/**/*.html"`. The recommended rules, minus two about style only.
export default {
  extends: ["html-validate:recommended"],
  rules: {
    // `<!doctype html>` in lowercase is valid HTML (the spec is case-insensitive); case is style.
    "doctype-style": "off",
    // Nunjucks leaves indentation on lines its `{%- … %}` tags emptied: whitespace browsers ignore.
    "no-trailing-whitespace": "off",
  },
};
