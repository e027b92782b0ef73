import { useEffect, useRef } from 'react';
import { navigate } from '../../navigation/router';
import { PartnerDetail } from './PartnerDetail';
import { PartnerFormPage } from './PartnerForm';
import { PartnerList } from './PartnerList';
import './partners.css';

/**
 * #/partners (list), #/partners/new, #/partners/<id> (detail), #/partners/<id>/edit.
 * Ctrl/Cmd+N adds a partner; Ctrl/Cmd+F jumps to the list's search.
 */
export function PartnersScreen({ rest }: { rest: string[] }) {
  const searchRef = useRef<HTMLInputElement>(null);
  const [first, second] = rest;
  const onList = first === undefined;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 'n') {
        e.preventDefault();
        navigate('partners/new');
      } else if (key === 'f' && onList && searchRef.current) {
        e.preventDefault();
        searchRef.current.focus();
        searchRef.current.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onList]);

  if (first === undefined) return <PartnerList searchRef={searchRef} />;
  if (first === 'new') return <PartnerFormPage id={null} />;
  if (second === 'edit') return <PartnerFormPage key={first} id={first} />;
  return <PartnerDetail key={first} id={first} />;
}
