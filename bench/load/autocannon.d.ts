// autocannon ships no types (and @types/autocannon is not installed): the part bench/load uses.
declare module 'autocannon' {
  interface Histogram { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number; stddev: number }
  interface Result { requests: Histogram; latency: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number; '2xx': number; duration: number }
  interface Request { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: Request, context: Record<string, unknown>) => Request }
  interface Options {
    url: string; connections?: number; duration?: number; amount?: number; pipelining?: number; overallRate?: number; connectionRate?: number;
    requests?: Request[]; headers?: Record<string, string>; timeout?: number; workers?: number;
  }
  function autocannon(o: Options): Promise<Result>;
  export default autocannon;
}
