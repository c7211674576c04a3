// Routes of this capability's pages (being written).
export default function Routes() {
  return null;
}
