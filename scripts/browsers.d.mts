export declare const ALL_BROWSERS: string[];
export declare function chosenBrowsers(value?: string): string[];
export declare function findFirefox(): string;
export declare function findMiniBrowser(): string;
export declare function puppeteerOptions(name: string): Record<string, unknown>;
export declare function webkitCapabilities(miniBrowser?: string): Record<string, unknown>;
export declare function startWebKitDriver(): Promise<{ port: number; display: string; driverPid: number; capabilities: Record<string, unknown>; stop(): void }>;
export interface LaunchedBrowser {
  goto(url: string): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  close(): Promise<void>;
}
export declare function launchBrowser(name: string): Promise<LaunchedBrowser>;
export declare function webkitSession(port: number): Record<string, unknown>;
