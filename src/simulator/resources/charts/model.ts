/** A chart package uploaded to the project: one name + version (digest §4.4, [INF] one ID per package). */
export interface ChartRecord {
  id: string;
  name: string;
  version: string;
  apiVersion: string;
  description: string;
  iconUrl: string;
  /** values.yaml as written in the package, and parsed. */
  valuesText: string;
  values: Record<string, unknown>;
  /** `README.md` when the package has one (ChartResp `instruction`, digest Q7). */
  instruction: string;
  /** The exact bytes uploaded; download returns them. */
  packageBytes: Uint8Array;
  /** `<name>-<version>.tgz` (ChartResp `chart_url`, a bare file name in every example). */
  fileName: string;
  public: boolean;
  source: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * Charts a project may hold. The reference's only example shows `quota: 200` (§4.6.14); the demo
 * project has a lower quota so that the meter means something and the limit can be reached.
 */
export const CHART_QUOTA = 20;

/** Chart timestamps as the chart examples print them: RFC 3339 UTC with `Z`, no fraction (digest Q34). */
export function formatChartTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
