import { Box, Paper, UnstyledButton } from '@mantine/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../shared/i18n/i18n-context.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../shared/i18n/i18n.ts';
import './shell-messages.ts';

/**
 * The language switch: a select-only combobox (WAI-ARIA APG pattern) with one option per language,
 * each named in itself. Hand-written rather than Mantine's Select because that one brings its
 * Combobox, Popover, Input and ScrollArea (~16 KB gzip) onto the first page for two options.
 * Focus stays on the combobox; the highlighted option is announced through aria-activedescendant.
 */
export function LanguageSelect() {
  const { t, language, setLanguage } = useI18n();
  const id = useId();
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const selectedIndex = LANGUAGES.indexOf(language);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(selectedIndex);
  const rootRef = useRef<HTMLDivElement>(null);

  // A click anywhere else closes the list, as a native select does.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openList = (index = selectedIndex) => {
    setActive(index);
    setOpen(true);
  };
  const choose = (next: Language) => {
    setOpen(false);
    if (next !== language) setLanguage(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const last = LANGUAGES.length - 1;
    if (!open) {
      if (['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(event.key)) {
        event.preventDefault();
        openList();
      } else if (event.key === 'Home' || event.key === 'End') {
        event.preventDefault();
        openList(event.key === 'Home' ? 0 : last);
      }
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((i) => Math.min(last, i + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((i) => Math.max(0, i - 1));
        break;
      case 'Home':
      case 'End':
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : last);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        choose(LANGUAGES[active] ?? language);
        break;
      case 'Escape':
        event.preventDefault();
        setOpen(false);
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  return (
    <Box ref={rootRef} pos="relative">
      <UnstyledButton
        type="button"
        role="combobox"
        aria-label={t('header.language')}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listboxId : undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
        onClick={() => (open ? setOpen(false) : openList())}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        px="sm"
        h={34}
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-md)',
          background: 'var(--mantine-color-default)',
          fontSize: 'var(--mantine-font-size-sm)',
          whiteSpace: 'nowrap',
        }}
      >
        <GlobeIcon />
        {LANGUAGE_NAMES[language]}
        <ChevronIcon />
      </UnstyledButton>
      {open ? (
        <Paper
          component="ul"
          id={listboxId}
          role="listbox"
          aria-label={t('header.language')}
          shadow="md"
          withBorder
          p={4}
          m={0}
          pos="absolute"
          right={0}
          top="calc(100% + 4px)"
          miw="100%"
          style={{ listStyle: 'none', zIndex: 'var(--mantine-z-index-popover)' }}
          // Keeps focus on the combobox while an option is clicked, so blur does not close the list first.
          onMouseDown={(event) => event.preventDefault()}
        >
          {LANGUAGES.map((value, index) => (
            <Box
              component="li"
              key={value}
              id={optionId(index)}
              role="option"
              lang={value}
              aria-selected={value === language}
              onClick={() => choose(value)}
              onMouseEnter={() => setActive(index)}
              px="sm"
              py={6}
              fz="sm"
              style={{
                cursor: 'pointer',
                whiteSpace: 'nowrap',
                borderRadius: 'var(--mantine-radius-sm)',
                fontWeight: value === language ? 600 : undefined,
                background: index === active ? 'var(--mantine-color-default-hover)' : undefined,
              }}
            >
              {LANGUAGE_NAMES[value]}
            </Box>
          ))}
        </Paper>
      ) : null}
    </Box>
  );
}

function GlobeIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
    </svg>
  );
}

function ChevronIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden="true">
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}
