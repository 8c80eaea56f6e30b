/** Shown when the library holds no facts at all: what a fact is, and the two ways to add one. */
export const LibraryEmptyState = ({ onImport, onAddFact }: { onImport: () => void; onAddFact: () => void }) => (
  <div className="library-empty">
    <h2>Your library has no facts yet</h2>
    <p>
      A <strong>fact</strong> is one figure you can cite — “415 mine casualties since November 2020” — kept with the exact sentence it comes
      from, the source that published it and the date it was true. Reports quote facts, so every figure stays traceable.
    </p>
    <div className="library-empty__ways">
      <div className="library-empty__way">
        <h3>Import a document</h3>
        <p>Drop a .txt, .md or .html file anywhere here, or choose one. Dossier proposes the figures it finds; you accept the ones you want.</p>
        <button type="button" className="button button--primary" title="Import a document (Ctrl+I)" onClick={onImport}>
          Import a document…
        </button>
      </div>
      <div className="library-empty__way">
        <h3>Add a fact by hand</h3>
        <p>Type the figure, its unit and date, and paste the sentence it comes from. You can add the source on the way.</p>
        <button type="button" className="button" onClick={onAddFact}>
          Add a fact…
        </button>
      </div>
    </div>
  </div>
);
