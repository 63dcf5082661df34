/** Origins of the test "CDNs" started by web-test-runner.config.mjs (the kit, and Pyodide's assets). */
const cdn = (await import(/* a virtual module from web-test-runner.config.mjs */ '/__cdn.js' as string)) as {
  cdnOrigin: string;
  pyodideUrl: string;
};

export const { cdnOrigin, pyodideUrl } = cdn;
