// Vite (the client build) and vitest resolve import.meta.glob at build time; this is its shape here.
interface ImportMeta {
  glob<T>(pattern: string | string[], options: { eager: true; import?: string }): Record<string, T>;
  glob<T>(pattern: string | string[], options: { eager?: false; import?: string }): Record<string, () => Promise<T>>;
}
