import { useId, useState } from 'react';

/** Tags as removable chips; Enter or comma adds what was typed, Backspace in an empty field removes the last. */
export const TagInput = ({
  id,
  tags,
  suggestions,
  onChange,
  describedBy,
}: {
  id: string;
  tags: string[];
  suggestions: string[];
  onChange: (tags: string[]) => void;
  describedBy?: string;
}) => {
  const [text, setText] = useState('');
  const listId = useId();
  const add = (raw: string) => {
    const additions = raw
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag && tag.length <= 100 && !tags.includes(tag));
    if (additions.length) onChange([...tags, ...new Set(additions)].slice(0, 50));
    setText('');
  };
  return (
    <div className="tag-input">
      {tags.map((tag) => (
        <span key={tag} className="tag tag--removable">
          {tag}
          <button type="button" className="tag__remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((entry) => entry !== tag))}>
            <span aria-hidden="true">×</span>
          </button>
        </span>
      ))}
      <input
        id={id}
        className="tag-input__field"
        list={listId}
        value={text}
        placeholder={tags.length ? 'Add a tag' : 'Type a tag, then Enter'}
        aria-describedby={describedBy}
        onChange={(event) => {
          const value = event.target.value;
          if (value.includes(',')) add(value);
          else setText(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && text.trim()) {
            event.preventDefault();
            add(text);
          } else if (event.key === 'Backspace' && text === '' && tags.length) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => {
          if (text.trim()) add(text);
        }}
      />
      <datalist id={listId}>
        {suggestions
          .filter((tag) => !tags.includes(tag))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
    </div>
  );
};
