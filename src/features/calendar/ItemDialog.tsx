import { StaleWriteNotice } from '../../components/StaleWriteNotice';
import { Dialog, DialogButtons, ErrorPanel } from '../../components/ui';
import { longDay } from './format';
import { ItemBriefSection, ItemRightsSection } from './ItemBriefFields';
import { ItemMainFields, ItemMetrics, ItemMoreFields } from './ItemDialogFields';
import type { CalendarData } from './useCalendarData';
import { useItemDialog, type ItemDialogTarget } from './useItemDialog';

export type { ItemDialogTarget } from './useItemDialog';

export function ItemDialog(props: {
  target: ItemDialogTarget;
  data: CalendarData;
  locale: string;
  onClose: () => void;
}) {
  const { target, data, locale, onClose } = props;
  const form = useItemDialog(target, data, onClose);
  const { draft, failure, stale, saving, quick, save, reload, remove } = form;
  const title =
    target.mode === 'edit'
      ? 'Edit content item'
      : quick
        ? `Add on ${longDay(target.date, locale)}`
        : 'Add content item';

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      wide={!quick}
      footer={
        <DialogButtons
          leading={
            target.mode === 'edit' ? (
              <button type="button" className="btn btn-danger cal-delete" onClick={remove}>
                Delete
              </button>
            ) : null
          }
          onCancel={onClose}
          form="content-item-form"
          disabled={saving}
          confirmLabel={target.mode === 'edit' ? 'Save' : 'Add item'}
        />
      }
    >
      <form
        id="content-item-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {failure ? <ErrorPanel title="Could not save">{failure}</ErrorPanel> : null}
        {stale ? (
          <StaleWriteNotice
            what="this item"
            message={stale}
            saving={saving}
            onReload={() => void reload()}
            onOverwrite={() => void save(true)}
          />
        ) : null}
        <div className={quick ? 'stack cal-quick' : 'form-grid'}>
          <ItemMainFields form={form} target={target} data={data} />
          {!quick ? <ItemMoreFields form={form} /> : null}
        </div>
        {!quick && draft.status === 'published' ? (
          <ItemMetrics form={form} locale={locale} />
        ) : null}
        {!quick && draft.status !== 'published' ? (
          <p className="hint">Results (reach, likes, clicks…) can be entered once published.</p>
        ) : null}
        {!quick ? <ItemBriefSection form={form} data={data} /> : null}
        {!quick ? <ItemRightsSection form={form} /> : null}
      </form>
    </Dialog>
  );
}
