import type { Status } from '../../../electron/shared/contract/app';

export const ReportsScreen = ({ status }: { status: Status }) => (
  <section className="screen" aria-labelledby="reports-title">
    <header className="screen__header">
      <h1 id="reports-title">Reports</h1>
    </header>
    <dl className="counts" aria-label="Saved work">
      <div className="counts__item">
        <dt>Reports</dt>
        <dd data-testid="count-reports">{status.counts.reports}</dd>
      </div>
      <div className="counts__item">
        <dt>Charts</dt>
        <dd data-testid="count-charts">{status.counts.charts}</dd>
      </div>
    </dl>
  </section>
);
