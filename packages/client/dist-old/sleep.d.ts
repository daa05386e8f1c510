/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. Leaves no timer or listener behind. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
