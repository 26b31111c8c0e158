/** The part of jsonstat-toolkit the tests use to read published JSON-stat (the package ships no types). */
declare module 'jsonstat-toolkit' {
  interface JsonStatDataset {
    readonly n: number;
    readonly id: string[];
    readonly value: (number | null)[];
    readonly status: (string | null)[] | null;
    Data(query: Record<string, string>): { value: number | null; status: string | null } | null;
    Dimension(id: string): {
      readonly id: string[];
      Category(id: string): { readonly label: string; readonly note: string[] | null };
    };
  }
  export default function JSONstat(input: unknown): JsonStatDataset;
}
