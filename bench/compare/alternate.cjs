// Runs two builds of a cold 1 MB validation in one process, alternately, so the machine's drift hits both alike;
// prints whether they find the same issues, their medians and the ratio. Usage: node alternate.cjs THIS.js OTHER.js [markup]
const { createHash } = require('node:crypto');
const [thisBuild, otherBuild, mode] = process.argv.slice(2);
const markup = mode === 'markup';
const runs = { this: require(thisBuild).setup(markup), other: require(otherBuild).setup(markup) };
const digest = (x) => createHash('sha1').update(JSON.stringify(x)).digest('hex').slice(0, 8);
console.log(`issues: this ${digest(runs.this())}, other ${digest(runs.other())}`);
const ms = { this: [], other: [] };
for (let i = 0; i < 41; i++) {
  for (const k of i % 2 ? ['this', 'other'] : ['other', 'this']) {
    const t = performance.now();
    runs[k]();
    ms[k].push(performance.now() - t);
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`cold 1 MB validation, median of 41: this ${median(ms.this).toFixed(1)} ms, other ${median(ms.other).toFixed(1)} ms, ratio ${(median(ms.this) / median(ms.other)).toFixed(2)}`);
