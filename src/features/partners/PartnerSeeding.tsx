import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { deletePet, petsOfPartner, savePet, SeedingValidationError } from '../../db/seeding';
import {
  PET_SIZE_LABELS,
  PET_SPECIES_LABELS,
  SHIPMENT_STATUS_LABELS,
  shipmentCounts,
  shipmentValue,
  type PetDraft,
} from '../../domain/seeding';
import { PET_SIZES, PET_SPECIES, type Pet, type Shipment } from '../../domain/schemas';
import { href } from '../../navigation/router';
import { InputField, SelectField } from '../../components/form';
import { Card } from '../../components/ui';

const petLine = (p: Pet) =>
  [
    PET_SPECIES_LABELS[p.species],
    p.breed,
    p.size ? PET_SIZE_LABELS[p.size] : '',
    p.ageYears !== null ? `${p.ageYears} ${p.ageYears === 1 ? 'year' : 'years'}` : '',
  ]
    .filter(Boolean)
    .join(' · ');

/** The partner's pets: what the seeding dialog checks allergies against. */
export function PetsCard({ partnerId }: { partnerId: string }) {
  const pets = useLiveQuery(() => petsOfPartner(getDb(), partnerId), [partnerId]) ?? [];
  const [editing, setEditing] = useState<Pet | 'new' | null>(null);
  return (
    <Card
      title="Pets"
      actions={
        editing ? null : (
          <button type="button" className="btn btn-small" onClick={() => setEditing('new')}>
            Add a pet
          </button>
        )
      }
    >
      {pets.length === 0 && !editing ? (
        <p className="muted">
          No pets recorded. Add them to get allergy warnings when you send treats.
        </p>
      ) : null}
      <ul className="pet-list">
        {pets.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> <span className="muted">{petLine(p)}</span>
            {p.allergies.length ? (
              <span className="pet-allergy"> Allergic to {p.allergies.join(', ')}</span>
            ) : null}
            {p.dietNotes ? <div className="muted small">{p.dietNotes}</div> : null}
            <span className="row-actions">
              <button type="button" className="btn btn-small" onClick={() => setEditing(p)}>
                Edit<span className="sr-only"> {p.name}</span>
              </button>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void deletePet(getDb(), p.id)}
              >
                Remove<span className="sr-only"> {p.name}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
      {editing ? (
        <PetForm
          partnerId={partnerId}
          pet={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

const draftOf = (p: Pet | null): PetDraft => ({
  name: p?.name ?? '',
  species: p?.species ?? 'dog',
  breed: p?.breed ?? '',
  size: p?.size ?? '',
  age: p?.ageYears != null ? String(p.ageYears) : '',
  allergies: p?.allergies.join(', ') ?? '',
  dietNotes: p?.dietNotes ?? '',
});

function PetForm(props: { partnerId: string; pet: Pet | null; onDone: () => void }) {
  const [d, setD] = useState<PetDraft>(() => draftOf(props.pet));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      await savePet(getDb(), props.partnerId, props.pet?.id ?? null, d);
      props.onDone();
    } catch (e) {
      if (e instanceof SeedingValidationError) setErrors(e.errors);
      else setErrors({ form: e instanceof Error ? e.message : String(e) });
    }
  };
  const text = (
    k: 'name' | 'breed' | 'age' | 'allergies' | 'dietNotes',
    label: string,
    hint?: string,
  ) => (
    <InputField
      id={`pet-${k}`}
      label={label}
      error={errors[k]}
      hint={hint}
      value={d[k]}
      onChange={(v) => setD({ ...d, [k]: v })}
    />
  );
  return (
    <form
      className="pet-form"
      aria-label={props.pet ? `Edit ${props.pet.name}` : 'New pet'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form-grid">
        {text('name', "Pet's name")}
        <SelectField
          id="pet-species"
          label="Species"
          value={d.species}
          options={PET_SPECIES.map((s) => ({ value: s, label: PET_SPECIES_LABELS[s] }))}
          onChange={(v) => setD({ ...d, species: v })}
        />
        {text('breed', 'Breed')}
        <SelectField
          id="pet-size"
          label="Size"
          value={d.size}
          options={PET_SIZES.map((s) => ({ value: s, label: PET_SIZE_LABELS[s] }))}
          onChange={(v) => setD({ ...d, size: v })}
        />
        {text('age', 'Age (years)', '0.5 for six months')}
        {text('allergies', 'Allergies', 'Separated by commas: chicken, grain')}
        {text('dietNotes', 'Diet notes')}
      </div>
      <div className="pet-form-actions">
        <button type="button" className="btn" onClick={props.onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Save pet
        </button>
      </div>
    </form>
  );
}

/** Product sent to this partner: each shipment, and the total at cost and at retail. */
export function GiftsCard(props: {
  partnerId: string;
  ended: boolean;
  shipments: readonly Shipment[];
  money: (c: number) => string;
}) {
  const sent = props.shipments.filter(shipmentCounts);
  let cost = 0;
  let retail = 0;
  for (const s of sent) {
    const v = shipmentValue(s);
    cost += v.productCents + v.shippingCents;
    retail += v.retailCents;
  }
  return (
    <Card
      title="Gifted product"
      actions={
        props.ended ? null : (
          <a
            className="btn btn-small"
            href={href(`seeding/new/${encodeURIComponent(props.partnerId)}`)}
          >
            Send product
          </a>
        )
      }
    >
      {props.shipments.length === 0 ? (
        <p className="muted">Nothing sent yet.</p>
      ) : (
        <>
          <p>
            Sent in all: <strong>{props.money(cost)}</strong> at cost with shipping{' '}
            <span className="muted">({props.money(retail)} at retail)</span>. It counts in this
            partner&apos;s cost on the day it shipped.
          </p>
          <ul className="gift-list">
            {props.shipments.map((s) => {
              const v = shipmentValue(s);
              return (
                <li key={s.id}>
                  <span>{s.date}</span>{' '}
                  {s.items
                    .map((it) => `${it.quantity} × ${it.name}${it.size ? ` (${it.size})` : ''}`)
                    .join(', ')}
                  {s.swapOf ? ' · size swap' : ''}{' '}
                  <span className="muted">
                    {SHIPMENT_STATUS_LABELS[s.status]} ·{' '}
                    {props.money(v.productCents + v.shippingCents)}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}
