// 导入 Excel 评分表… on the chair's panel overview: an expert who scored in Excel hands over the
// workbook, and it joins the panel's sheets on this laptop (preview first, then one import).
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_ACTOR } from '../../backups/backupService';
import { WorkbookPreviewView } from '../../workbook/WorkbookPreviewView';
import { useWorkbookImport } from './useWorkbookImport';

export const WorkbookImportButton = ({ roundId, actor }: { roundId: string; actor: string }) => {
  const { t, i18n } = useTranslation();
  const flow = useWorkbookImport(roundId, actor.trim() === '' ? IMPORT_ACTOR : actor);
  const { state } = flow;
  const text = (error: { message: string; messageEn: string }) =>
    i18n.language === 'en' ? error.messageEn : error.message;
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={flow.pick} data-testid="import-workbook">
        {t('workbook.import.chairButton')}
      </Button>
      <Modal
        open={state.step !== 'idle'}
        title={t('workbook.import.title')}
        width={760}
        onCancel={flow.close}
        okText={state.step === 'preview' ? t('workbook.import.commit') : t('workbook.import.close')}
        okButtonProps={{ disabled: state.step === 'working', 'data-testid': 'workbook-import-ok' }}
        cancelButtonProps={{ style: state.step === 'preview' ? {} : { display: 'none' } }}
        onOk={() => (state.step === 'preview' ? flow.commit(state.prepared) : flow.close())}
        destroyOnHidden
      >
        {state.step === 'working' ? (
          <Spin>
            <Typography.Text>
              {t('workbook.import.working', { file: state.fileName })}
            </Typography.Text>
          </Spin>
        ) : null}
        {state.step === 'failed' ? (
          <Alert
            type="error"
            showIcon
            title={text(state.error)}
            data-testid="workbook-import-error"
          />
        ) : null}
        {state.step === 'preview' ? (
          <>
            {state.prepared.preview.unchanged ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('workbook.import.unchanged')}
              />
            ) : null}
            <WorkbookPreviewView preview={state.prepared.preview} />
          </>
        ) : null}
        {state.step === 'done' ? (
          <Alert
            type="success"
            showIcon
            data-testid="workbook-import-done"
            title={
              state.summary.changed
                ? t('workbook.import.done', state.summary.counts)
                : t('workbook.import.unchanged')
            }
          />
        ) : null}
      </Modal>
    </>
  );
};
