import type { Status } from '../../../electron/shared/contract/app';

export const LibraryScreen = ({ status }: { status: Status }) => {
  const { counts } = status;
  return (
    <section className="screen" aria-labelledby="library-title">
      <header className="screen__header">
        <h1 id="library-title">Library</h1>
      </header>
      <dl className="counts" aria-label="What the library holds">
        <div className="counts__item">
          <dt>Sources</dt>
          <dd data-testid="count-sources">{counts.sources}</dd>
        </div>
        <div className="counts__item">
          <dt>Facts</dt>
          <dd data-testid="count-facts">{counts.facts}</dd>
        </div>
        <div className="counts__item counts__item--conflict">
          <dt>Conflicts</dt>
          <dd data-testid="count-conflicts">{counts.conflicts}</dd>
        </div>
      </dl>
    </section>
  );
};
