// An ISAO webhook receiver: checks X-Isao-Signature, skips repeated event ids.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = process.env.WEBHOOK_SECRET;
const seen = new Set(); // delivery is at least once: the same event id can come again

createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    const sig = Object.fromEntries((request.headers["x-isao-signature"] ?? "").split(",").map((p) => p.split("=", 2)));
    const expected = createHmac("sha256", secret).update(`${sig.t}.`).update(body).digest();
    const given = Buffer.from(sig.v1 ?? "", "hex");
    const fresh = Math.abs(Date.now() / 1000 - Number(sig.t)) <= 300;
    if (!fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) return response.writeHead(401).end();
    const event = JSON.parse(body);
    if (!seen.has(event.id)) console.log("verified", event.event, event.id, event.data.id);
    seen.add(event.id);
    response.writeHead(204).end();
  });
}).listen(Number(process.env.PORT ?? 4000), "127.0.0.1");
