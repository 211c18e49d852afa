import { tickCost } from "./tick-cost.ts";
const trace = (process.argv[2] ?? "walking") as "walking" | "audience";
for (let i = 0; i < Number(process.argv[3] ?? 3); i++) console.log(JSON.stringify(tickCost(300, trace, 20)));
