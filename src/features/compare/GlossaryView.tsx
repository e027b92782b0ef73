export function GlossaryView() {
  return null;
}
