export declare function findChromium(): string;
export declare function chromiumArgs(): string[];
