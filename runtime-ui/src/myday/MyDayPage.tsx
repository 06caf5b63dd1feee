/** Placeholder until My day lands. */
export function MyDayPage() {
  return <h1>My day</h1>;
}
