// A request's or response's headers as a two-column table (already masked by shown-row.ts). Text only.
import type { Header } from '../core/exchange';

export function HeadersTable({ headers, label }: { headers: readonly Header[]; label: string }) {
  return (
    <table class="headers" aria-label={label}>
      <tbody>
        {headers.map((h, i) => (
          <tr key={i}>
            <th class="mono">{h.name}</th>
            <td class="mono">{h.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
