/**
 * A table's <thead>: a column head (<th scope="col">) for each of `cols`, then one for each of
 * `num`, the columns of numbers, right-aligned.
 */
export function TableHead(props: { cols: readonly string[]; num?: readonly string[] }) {
  return (
    <thead>
      <tr>
        {props.cols.map((c) => (
          <th scope="col" key={c}>
            {c}
          </th>
        ))}
        {props.num?.map((c) => (
          <th scope="col" className="num" key={c}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
