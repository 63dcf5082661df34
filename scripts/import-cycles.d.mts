export function importCycles(root?: string): string[][];
