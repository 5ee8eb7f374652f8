// The test server's stand-in for Netlify's edge function chain (test/support/edge-chain.ts), held to what
// Netlify documents: a function that throws gives an error, never the files behind it (onError "fail");
// one that returns nothing hands on; a URL rewrites; next() reaches only the same site; declared paths and
// excluded paths decide who runs.
import { expect, test } from "vitest";
import { runChain, type EdgeFunction } from "../support/edge-chain.ts";

const origin = async (request: Request) => new Response(`file ${new URL(request.url).pathname}`);
const at = (path: string) => new Request(`https://site.example${path}`);
const text = async (response: Response) => `${response.status} ${await response.text()}`;

test("a function that throws: an error, nothing of the files", async () => {
  const fails: EdgeFunction = () => {
    throw new Error("stuk");
  };
  const response = await runChain(at("/geheim/"), [{ function: "gate", path: "/*" }], { gate: fails }, origin);
  expect(response.status).toBe(500);
  expect(await response.text()).not.toContain("file");
});

test("nothing returned hands on; a URL rewrites; next() with a request for another path rewrites too", async () => {
  const routes = [{ function: "a", path: "/*" }];
  expect(await text(await runChain(at("/x/"), routes, { a: () => undefined }, origin))).toBe("200 file /x/");
  expect(await text(await runChain(at("/x/"), routes, { a: () => new URL("https://site.example/y/") }, origin))).toBe(
    "200 file /y/",
  );
  const rewrite: EdgeFunction = (request, context) => context.next(new Request(new URL("/door/", request.url)));
  expect(await text(await runChain(at("/x/"), routes, { a: rewrite }, origin))).toBe("200 file /door/");
  const elsewhere: EdgeFunction = (_, context) => context.next(new Request("https://other.example/"));
  expect((await runChain(at("/x/"), routes, { a: elsewhere }, origin)).status).toBe(500);
});

test("only declared paths run a function; excluded paths do not; a declared function that is missing fails", async () => {
  const marks: EdgeFunction = async (request, context) =>
    new Response(`gate ${await (await context.next(request)).text()}`);
  const routes = [{ function: "gate", path: "/posts/*", excludedPath: "/posts/open/*" }];
  expect(await text(await runChain(at("/posts/x/"), routes, { gate: marks }, origin))).toBe("200 gate file /posts/x/");
  expect(await text(await runChain(at("/posts/open/x/"), routes, { gate: marks }, origin))).toBe(
    "200 file /posts/open/x/",
  );
  expect(await text(await runChain(at("/"), routes, { gate: marks }, origin))).toBe("200 file /");
  expect((await runChain(at("/posts/x/"), routes, {}, origin)).status).toBe(500);
});
