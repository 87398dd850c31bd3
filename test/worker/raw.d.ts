// Vite's `?raw` imports: the worker's tests read docs/worker.md to check every route is documented.
declare module '*?raw' {
  const text: string;
  export default text;
}
